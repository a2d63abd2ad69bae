import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  parseList,
  parseModel,
  parsePositiveInt,
  parseRoles,
  parseSuiteInputs,
  parseUrl
} from "./chunk-J2QTZO5D.js";
import "./chunk-OWG5NDIY.js";
import "./chunk-TVBBMLQF.js";
import "./chunk-NYKIGPAP.js";
import {
  RUN_OPTIONS
} from "./chunk-N52APXXD.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  RUN_OPTIONS,
  parseList,
  parseModel,
  parsePositiveInt,
  parseRoles,
  parseSuiteInputs,
  parseUrl
};
