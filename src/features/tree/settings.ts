import * as vscode from 'vscode';
import { resolveCatalog, type CatalogPrinciple } from '../../core/catalog';

/** The settings the Story Bank reads, with their defaults. */
export function wordsPerMinute(): number {
  const wpm = vscode.workspace.getConfiguration('starAnswers').get<number>('wordsPerMinute', 150);
  return Number.isFinite(wpm) && wpm >= 30 && wpm <= 400 ? wpm : 150;
}

export function catalogSetting(): CatalogPrinciple[] {
  const config = vscode.workspace.getConfiguration('starAnswers');
  return resolveCatalog(config.get<string>('catalog', 'amazon'), config.get<unknown>('customCatalog', []));
}

export function followCursor(): boolean {
  return vscode.workspace.getConfiguration('starAnswers').get<boolean>('tree.followCursor', true);
}

export function affectsStoryBank(e: vscode.ConfigurationChangeEvent): boolean {
  return ['starAnswers.wordsPerMinute', 'starAnswers.catalog', 'starAnswers.customCatalog'].some((s) => e.affectsConfiguration(s));
}
