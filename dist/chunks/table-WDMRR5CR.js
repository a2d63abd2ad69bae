import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  verdictTable
} from "./chunk-QPIHTAFJ.js";
import "./chunk-HXO3A6VB.js";
import "./chunk-JU2KWENW.js";
import "./chunk-LHSCZ3D7.js";
export {
  verdictTable
};
