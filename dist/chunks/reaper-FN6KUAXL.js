import { createRequire as __dogfoodCreateRequire } from 'node:module'; const require = __dogfoodCreateRequire(import.meta.url);
import {
  REAPER_POLL_MS,
  reap,
  startReaper
} from "./chunk-E76G3OLL.js";
import "./chunk-DR4IFN7H.js";
import "./chunk-7S2WGD5M.js";
import "./chunk-LHSCZ3D7.js";
export {
  REAPER_POLL_MS,
  reap,
  startReaper
};
