import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  verdictTable
} from "./chunk-HDY6L6RT.js";
import "./chunk-UZK7Q4O6.js";
import "./chunk-TO7HFP3H.js";
import "./chunk-LHSCZ3D7.js";
export {
  verdictTable
};
