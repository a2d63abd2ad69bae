import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  REQUIRED_EVIDENCE,
  runState,
  verifyRun
} from "./chunk-EJWB2SWA.js";
import "./chunk-6ZERPRDS.js";
import "./chunk-YYLLAMEM.js";
import "./chunk-5JSGXJPI.js";
import "./chunk-ARXRJ6KT.js";
import "./chunk-LZO5H7YI.js";
import "./chunk-AMQZFXVW.js";
import "./chunk-LHSCZ3D7.js";
export {
  REQUIRED_EVIDENCE,
  runState,
  verifyRun
};
