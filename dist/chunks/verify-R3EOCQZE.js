import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  REQUIRED_EVIDENCE,
  runState,
  verifyRun
} from "./chunk-RV3DEY47.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  REQUIRED_EVIDENCE,
  runState,
  verifyRun
};
