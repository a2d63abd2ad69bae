import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  renderReport,
  reportToFile,
  writeRunReport
} from "./chunk-NRNOMGGU.js";
import "./chunk-67MZIT2P.js";
import "./chunk-HXO3A6VB.js";
import "./chunk-YKXVS3YO.js";
import "./chunk-JU2KWENW.js";
import {
  REPORT_FILE,
  caseAnchor
} from "./chunk-SNJX4VWM.js";
import "./chunk-AUNSJMXT.js";
import "./chunk-C7L6GWJA.js";
import "./chunk-GXU4NOQI.js";
import "./chunk-BOMUDAXD.js";
import "./chunk-LHSCZ3D7.js";
export {
  REPORT_FILE,
  caseAnchor,
  renderReport,
  reportToFile,
  writeRunReport
};
