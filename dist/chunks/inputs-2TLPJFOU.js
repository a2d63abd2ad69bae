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
} from "./chunk-SL3B2ZRH.js";
import "./chunk-DKZ2MXEC.js";
import "./chunk-4T2MZU4M.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-6GGF6ZQ3.js";
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
