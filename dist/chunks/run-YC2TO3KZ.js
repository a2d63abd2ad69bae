import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite,
  stageBatches
} from "./chunk-JZ3F4ETM.js";
import "./chunk-5QSKF2BS.js";
import "./chunk-GTCVWLAW.js";
import "./chunk-NIAHU22I.js";
import "./chunk-NMVRJYBN.js";
import "./chunk-6VODMH7Q.js";
import "./chunk-ZV5KNJNH.js";
import "./chunk-6IEIDWWV.js";
import "./chunk-TZR42FOZ.js";
import "./chunk-VBVZQY2Z.js";
import "./chunk-GCLCQ5LT.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-BOCFVUUR.js";
import "./chunk-SNJX4VWM.js";
import "./chunk-NYKIGPAP.js";
import "./chunk-RV3DEY47.js";
import "./chunk-UJXVBKO4.js";
import "./chunk-YVTE5AOK.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  DEFAULT_ROLES,
  buildSummary,
  cliEntry,
  runSuite,
  stageBatches
};
