import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  verdictTable
} from "./chunk-UWMRCVDQ.js";
import "./chunk-E2APEIUQ.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-LHSCZ3D7.js";
export {
  verdictTable
};
