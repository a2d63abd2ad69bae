import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  verdictTable
} from "./chunk-JYELMVHH.js";
import "./chunk-BWIRND4V.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-LHSCZ3D7.js";
export {
  verdictTable
};
