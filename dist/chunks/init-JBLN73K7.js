import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  fixturesRoot,
  scaffold
} from "./chunk-T23RGRU6.js";
import "./chunk-Y4FTFHXJ.js";
import "./chunk-LHSCZ3D7.js";
export {
  fixturesRoot,
  scaffold
};
