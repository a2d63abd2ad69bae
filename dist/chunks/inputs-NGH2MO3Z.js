import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  RUN_OPTIONS,
  engineOptions,
  parseRunSettings
} from "./chunk-5AKWDQDD.js";
import {
  joinNegativeValues
} from "./chunk-HIFKTPS2.js";
import "./chunk-NIAHU22I.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-6IEIDWWV.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-BOCFVUUR.js";
import "./chunk-SHSABKRN.js";
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
