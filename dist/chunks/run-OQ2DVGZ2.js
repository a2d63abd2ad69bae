import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
} from "./chunk-7N5IJDJ3.js";
import "./chunk-VJATP2CZ.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-ZX2T7JMQ.js";
import "./chunk-UPREGWUX.js";
import "./chunk-4E5OPGQX.js";
import "./chunk-74EKDEFG.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
};
