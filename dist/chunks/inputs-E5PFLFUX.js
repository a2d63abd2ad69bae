import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  parseEnvNames,
  parseList,
  parseModel,
  parsePositiveInt,
  parseRoles,
  parseSuiteInputs,
  parseUrl
} from "./chunk-PEPZCRYV.js";
import "./chunk-ZX2T7JMQ.js";
import "./chunk-UPREGWUX.js";
import {
  RUN_OPTIONS
} from "./chunk-HUV6R2M2.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  parseEnvNames,
  parseList,
  parseModel,
  parsePositiveInt,
  parseRoles,
  parseSuiteInputs,
  parseUrl
};
