// Runs anywhere (pure core).
// The owner, the support channel and the update rhythm, in the shapes both standards use.
// The owner types one support line (an e-mail address, a link, or a chat channel name); here it
// becomes a channel with a tool and, where possible, a URL.

import type { OwnerContact, ProductMeta, UpdateFrequency } from '../metadata/types';
import type { OdcsSlaProperty, OdcsTeam } from './odcs-types';

export interface SupportChannel {
  channel: string;
  tool: string;
  /** Present for e-mail addresses (mailto:) and links; chat channel names have none. */
  url?: string;
}

// Control characters are excluded too: such text is not a usable address, and the standards'
// "uri" format would reject the document.
const EMAIL = /^[^\s\p{Cc}@<>()",;:]+@[^\s\p{Cc}@<>()",;:]+\.[^\s\p{Cc}@<>()",;:]+$/u;
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{Cc}]+$/u;

function toolForUrl(url: string): string {
  const u = url.toLowerCase();
  if (u.startsWith('mailto:')) return 'email';
  if (u.includes('slack.com')) return 'slack';
  if (u.includes('teams.microsoft.com')) return 'teams';
  if (u.includes('discord.')) return 'discord';
  if (u.includes('chat.google.com')) return 'googlechat';
  return 'other';
}

export function supportChannel(support: string | undefined): SupportChannel | undefined {
  const text = support?.trim();
  if (!text) return undefined;
  if (EMAIL.test(text)) return { channel: text, tool: 'email', url: `mailto:${text}` };
  if (URL_LIKE.test(text)) return { channel: text, tool: toolForUrl(text), url: text };
  return { channel: text, tool: 'other' };
}

/** The owner as the one team member with role "owner"; none when neither e-mail nor name is known. */
export function ownerTeam(owner: Partial<OwnerContact> | undefined): OdcsTeam | undefined {
  const email = owner?.email?.trim();
  const name = owner?.name?.trim();
  const username = email || name;
  if (!username) return undefined;
  return { members: [{ username, ...(name ? { name } : {}), role: 'owner' }] };
}

/** One period of each rhythm, in the words ODCS uses for units. "one-off" has no rhythm. */
const PERIOD: Readonly<Record<UpdateFrequency, { value: number; unit: string } | undefined>> = {
  daily: { value: 1, unit: 'd' },
  weekly: { value: 7, unit: 'd' },
  monthly: { value: 1, unit: 'month' },
  quarterly: { value: 3, unit: 'month' },
  yearly: { value: 1, unit: 'y' },
  'one-off': undefined,
};

/**
 * SLA: "frequency" (how often it is refreshed) and "latency" (how old the newest row may be,
 * measured on the owner's freshness column) — both one period of the chosen rhythm, because an
 * owner who refreshes monthly promises data at most a month old.
 */
export function slaProperties(meta: ProductMeta, freshnessElement: string | undefined): OdcsSlaProperty[] {
  const period = meta.frequency ? PERIOD[meta.frequency] : undefined;
  if (!period) return [];
  const sla: OdcsSlaProperty[] = [
    { property: 'frequency', value: period.value, unit: period.unit, description: `Refreshed ${meta.frequency}.` },
  ];
  if (freshnessElement) {
    sla.push({
      property: 'latency', value: period.value, unit: period.unit, element: freshnessElement,
      description: 'The newest date in this column is at most this old.',
    });
  }
  return sla;
}
