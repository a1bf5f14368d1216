import * as vscode from 'vscode';
import { resolveCatalog, type CatalogPrinciple } from '../../core/catalog';
import { DEFAULT_MIN_STORIES, targetPrinciples } from '../../core/plan/coverage';

/** The settings the Story Bank reads, with their defaults. */
export function wordsPerMinute(): number {
  const wpm = vscode.workspace.getConfiguration('starAnswers').get<number>('wordsPerMinute', 150);
  return Number.isFinite(wpm) && wpm >= 30 && wpm <= 400 ? wpm : 150;
}

export function catalogSetting(): CatalogPrinciple[] {
  const config = vscode.workspace.getConfiguration('starAnswers');
  return resolveCatalog(config.get<string>('catalog', 'amazon'), config.get<unknown>('customCatalog', []));
}

/** The interview plan's principles: those of the setting, else the catalog (Amazon's 16 by default). */
export function planTargets(): CatalogPrinciple[] {
  return targetPrinciples(vscode.workspace.getConfiguration('starAnswers').get<unknown[]>('interviewPlan.principles', []), catalogSetting());
}

export function planMinStories(): number {
  const n = vscode.workspace.getConfiguration('starAnswers').get<number>('interviewPlan.minStories', DEFAULT_MIN_STORIES);
  return Number.isInteger(n) && n >= 1 && n <= 20 ? n : DEFAULT_MIN_STORIES;
}

export function followCursor(): boolean {
  return vscode.workspace.getConfiguration('starAnswers').get<boolean>('tree.followCursor', true);
}

export function affectsStoryBank(e: vscode.ConfigurationChangeEvent): boolean {
  return ['starAnswers.wordsPerMinute', 'starAnswers.catalog', 'starAnswers.customCatalog', 'starAnswers.interviewPlan'].some((s) => e.affectsConfiguration(s));
}
