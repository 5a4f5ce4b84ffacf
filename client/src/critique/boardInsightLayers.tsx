import type { ComponentType } from 'react';
import type { TLComponents } from 'tldraw';
import { AttributionLayer } from '../attribution/AttributionLayer.js';
import { InsightToggles } from '../attribution/InsightToggles.js';
import { RepresentationChipsLayer } from '../attribution/RepresentationChipsLayer.js';
import { CritiqueContextMenu } from './CritiqueContextMenu.js';
import { CritiquePanel } from './CritiquePanel.js';
import { CritiquePinsLayer } from './CritiquePinsLayer.js';
import { CritiqueSelectionButton } from './CritiqueSelectionButton.js';
import './critique.css';

/**
 * Adds the critique, attribution and representation layers to a board's tldraw components, keeping the
 * slots' existing content (tag chips…): tldraw has one component per slot, so layers from several features
 * compose here. Call once at module level: tldraw remounts its slots when the components object changes.
 */
export function withBoardInsightLayers<C extends TLComponents>(components: C): C & TLComponents {
  const OnTheCanvasBefore: ComponentType | null | undefined = components.OnTheCanvas;
  const InFrontBefore: ComponentType | null | undefined = components.InFrontOfTheCanvas;
  function OnTheCanvas() {
    return (
      <>
        {OnTheCanvasBefore && <OnTheCanvasBefore />}
        <AttributionLayer />
        <RepresentationChipsLayer />
        <CritiquePinsLayer />
      </>
    );
  }
  function InFrontOfTheCanvas() {
    return (
      <>
        {InFrontBefore && <InFrontBefore />}
        <InsightToggles />
        <CritiqueSelectionButton />
        <CritiquePanel />
      </>
    );
  }
  return { ...components, OnTheCanvas, InFrontOfTheCanvas, ContextMenu: CritiqueContextMenu };
}
