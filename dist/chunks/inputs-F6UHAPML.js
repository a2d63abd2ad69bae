import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-WTFQDLWU.js";
import {
  joinNegativeValues
} from "./chunk-RC3ENW73.js";
import "./chunk-MSICHKU2.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-4TL3VR4A.js";
import "./chunk-NEJKFVQH.js";
import "./chunk-OSR6QGIA.js";
import "./chunk-6565T6LZ.js";
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
