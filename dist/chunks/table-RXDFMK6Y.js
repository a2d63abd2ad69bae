import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  verdictTable
} from "./chunk-VLID2OYQ.js";
import "./chunk-PEWDQTIE.js";
import "./chunk-LHSCZ3D7.js";
export {
  verdictTable
};
