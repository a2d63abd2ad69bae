import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-GYHLR5JV.js";
import {
  joinNegativeValues
} from "./chunk-VUMPA3Z6.js";
import "./chunk-N6GAFMB7.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-TDWUGNBE.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-BOCFVUUR.js";
import "./chunk-YHQIISFJ.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  engineOptions,
  joinNegativeValues,
  parseRunSettings
};
