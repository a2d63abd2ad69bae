import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
} from "./chunk-PDB5QNEA.js";
import "./chunk-BB7PGA65.js";
import "./chunk-ZCGT4M2M.js";
import "./chunk-ZX2T7JMQ.js";
import "./chunk-UPREGWUX.js";
import "./chunk-T6XWSBER.js";
import "./chunk-GJNIDGYX.js";
import "./chunk-UZ2KPXWI.js";
import "./chunk-LHSCZ3D7.js";
export {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite
};
