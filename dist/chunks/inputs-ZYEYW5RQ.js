import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-O7WSANTF.js";
import {
  joinNegativeValues
} from "./chunk-HW2WRO5F.js";
import "./chunk-FJZVPX5M.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-32DEH4SJ.js";
import "./chunk-NEJKFVQH.js";
import "./chunk-OSR6QGIA.js";
import "./chunk-4XYI6QV6.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-O4YGU3GG.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  engineOptions,
  joinNegativeValues,
  parseRunSettings
};
