import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  joinNegativeValues,
  parseEnvNames,
  parseList,
  parseModel,
  parsePositiveInt,
  parseRoles,
  parseSuiteInputs,
  parseUrl,
  parseWorktreePath
} from "./chunk-WETU22EE.js";
import "./chunk-6SJ3A453.js";
import "./chunk-4T2MZU4M.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-NMVRJYBN.js";
import {
  RUN_OPTIONS
} from "./chunk-RNAHWGD5.js";
import "./chunk-RLRWZL4I.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  joinNegativeValues,
  parseEnvNames,
  parseList,
  parseModel,
  parsePositiveInt,
  parseRoles,
  parseSuiteInputs,
  parseUrl,
  parseWorktreePath
};
