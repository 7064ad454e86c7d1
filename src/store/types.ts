/** The store's full state: the union of its slices, so each slice can read the others. */
import type { StateCreator } from 'zustand/vanilla';
import type { PlaybackSlice } from './playbackSlice';
import type { RunSlice } from './runSlice';
import type { SelectionSlice } from './selectionSlice';
import type { ViewSlice } from './viewSlice';

export type SimStoreState = RunSlice & PlaybackSlice & SelectionSlice & ViewSlice;

/** A slice creator that sees the whole store. */
export type SliceCreator<Slice> = StateCreator<SimStoreState, [], [], Slice>;
