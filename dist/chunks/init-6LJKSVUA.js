import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  fixturesRoot,
  scaffold
} from "./chunk-UICWZD46.js";
import "./chunk-O4YGU3GG.js";
import "./chunk-LHSCZ3D7.js";
export {
  fixturesRoot,
  scaffold
};
