/**
 * Charts on the server without a browser or a canvas: ECharts renders an option to an SVG string (its SSR
 * renderer), and svg-to-pdfkit draws that SVG into the PDF with the CJK font for every text.
 */
import * as echarts from 'echarts';
import type PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

const FONT = 'WenQuanYi Micro Hei, sans-serif';

/** The option as an SVG string, `width` × `height` pixels; animation off (one frame). */
export function chartSvg(option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws an SVG into the document at (x, y), every text in the registered `cjk` font. */
export function drawSvg(doc: typeof PDFDocument, svg: string, x: number, y: number, width: number, height: number) {
  SVGtoPDF(doc, svg, x, y, { width, height, fontCallback: () => 'cjk' });
}
