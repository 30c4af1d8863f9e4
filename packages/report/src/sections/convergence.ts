import { sweepLineSpec } from '../charts/sweep-line.js';
import { figure, howToRead, subheading, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { ReportData } from '../report-data.js';

/**
 * Convergence: training log-likelihood per sweep, and held-out perplexity per sweep when tracked.
 *
 * @example
 * const section = await convergenceSection(data, ctx); // undefined without data.convergence
 */
export async function convergenceSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const c = data.convergence;
  if (!c || c.logLikelihood.length === 0) return undefined;
  const size = { width: 760, height: 200, burnIn: c.burnIn };
  let html =
    howToRead(
      'The sampler has converged when the log-likelihood stops rising and only wobbles around a plateau. Samples from the shaded burn-in are discarded. A held-out perplexity that falls and then flattens confirms the model generalises; one that rises again signals over-fitting.',
    ) +
    subheading('Training log-likelihood') +
    figure(await ctx.chart(sweepLineSpec(c.logLikelihood, { ...size, valueTitle: 'Log-likelihood' }), 'Log-likelihood per sweep'));
  if (c.heldOutPerplexity && c.heldOutPerplexity.length > 0) {
    html +=
      subheading('Held-out perplexity') +
      figure(
        await ctx.chart(
          sweepLineSpec(c.heldOutPerplexity, { ...size, valueTitle: 'Perplexity', format: ',.0f' }),
          'Held-out perplexity per sweep',
        ),
        'Lower is better.',
      );
  }
  return { id: 'convergence', title: 'Convergence', html };
}
