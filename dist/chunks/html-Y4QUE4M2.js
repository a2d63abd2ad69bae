import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  renderReport,
  reportToFile,
  writeRunReport
} from "./chunk-RBMSUNWZ.js";
import "./chunk-BKJWIMPC.js";
import "./chunk-PPLKJTKW.js";
import "./chunk-EPGW6SGM.js";
import {
  REPORT_FILE,
  caseAnchor
} from "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  REPORT_FILE,
  caseAnchor,
  renderReport,
  reportToFile,
  writeRunReport
};
