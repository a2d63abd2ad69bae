import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
} from "./chunk-ZQLG6NZN.js";
import "./chunk-H3WMST4W.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-TVBBMLQF.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-JRYRVDH7.js";
import "./chunk-74EKDEFG.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
};
