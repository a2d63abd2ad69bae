import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  renderReport,
  reportToFile,
  writeRunReport
} from "./chunk-UMVFPA2Q.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-ZV5KNJNH.js";
import {
  REPORT_FILE,
  caseAnchor
} from "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-O4YGU3GG.js";
import "./chunk-LHSCZ3D7.js";
export {
  REPORT_FILE,
  caseAnchor,
  renderReport,
  reportToFile,
  writeRunReport
};
