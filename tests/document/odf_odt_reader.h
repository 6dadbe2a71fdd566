#pragma once
// A reader for .odt files, in Python over python3-odf, printing one tab-separated fact per
// line: the body's headings, paragraphs, tables (rows, cells, spans), contents and
// pictures with their styles' page starts, and the master pages and fonts of styles.xml.
#include "odf_test_support.h"

namespace planscore::test {

inline const std::string kOdtReader = std::string(kReaderPrelude) + R"PY(
from odf import draw, text

def look(style_name, kind):
    # parent, master page, break, page number, asian weight, colour, align, indent, size
    s = automatic.get(style_name)
    if s is None:
        return [style_name] + [''] * 8
    p = child(s, STYLENS, kind)
    t = child(s, STYLENS, 'text-properties')
    get = lambda e, ns, a: attr(e, ns, a) if e is not None else ''
    return [attr(s, STYLENS, 'parent-style-name'), attr(s, STYLENS, 'master-page-name'),
            get(p, FONS, 'break-before'), get(p, STYLENS, 'page-number'),
            get(t, STYLENS, 'font-weight-asian'), get(t, FONS, 'color'),
            get(p, FONS, 'text-align'), get(p, FONS, 'margin-left'),
            get(t, STYLENS, 'font-size-asian')]

def write_table(t):
    columns = children(t, TABLENS, 'table-column')
    print('\t'.join(['TABLE', attr(t, TABLENS, 'name'), str(len(columns))] +
                    look(attr(t, TABLENS, 'style-name'), 'table-properties')[:4]))
    for c in columns:
        p = props(attr(c, TABLENS, 'style-name'), 'table-column-properties')
        print('COLUMN\t' + attr(p, STYLENS, 'rel-column-width'))
    def rows(parent, kind):
        for r in children(parent, TABLENS, 'table-row'):
            slots, cells = 0, []
            for c in r.childNodes:
                if c.qname == (TABLENS, 'covered-table-cell'):
                    slots += 1
                    cells.append('~')
                elif c.qname == (TABLENS, 'table-cell'):
                    slots += 1
                    content = esc(teletype.extractText(c))
                    cs = attr(c, TABLENS, 'number-columns-spanned')
                    rs = attr(c, TABLENS, 'number-rows-spanned')
                    cells.append(content + ('{%sx%s}' % (cs or '1', rs or '1') if cs or rs else ''))
                    background = attr(props(attr(c, TABLENS, 'style-name'),
                                            'table-cell-properties'), FONS, 'background-color')
                    paragraph = child(c, TEXTNS, 'p')
                    print('\t'.join(['CELL', content, background] +
                                    look(attr(paragraph, TEXTNS, 'style-name'),
                                         'paragraph-properties')))
            print('\t'.join(['ROW', kind, str(slots), ' | '.join(cells)]))
    for header in children(t, TABLENS, 'table-header-rows'):
        rows(header, 'H')
    rows(t, 'B')

for e in doc.text.childNodes:
    if e.qname == (TEXTNS, 'h'):
        print('\t'.join(['H', attr(e, TEXTNS, 'outline-level'), esc(teletype.extractText(e))] +
                        look(attr(e, TEXTNS, 'style-name'), 'paragraph-properties')))
    elif e.qname == (TEXTNS, 'p'):
        print('\t'.join(['P', esc(teletype.extractText(e))] +
                        look(attr(e, TEXTNS, 'style-name'), 'paragraph-properties')))
        for frame in e.getElementsByType(draw.Frame):
            for image in frame.getElementsByType(draw.Image):
                print('\t'.join(['IMAGE', attr(image, XLINKNS, 'href'),
                                 attr(frame, 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0', 'width')]))
    elif e.qname == (TABLENS, 'table'):
        write_table(e)
    elif e.qname == (TEXTNS, 'table-of-content'):
        source = child(e, TEXTNS, 'table-of-content-source')
        print('TOC\t' + attr(source, TEXTNS, 'outline-level'))
        body = child(e, TEXTNS, 'index-body')
        for title in children(body, TEXTNS, 'index-title'):
            print('TOCTITLE\t' + esc(teletype.extractText(title)))
        for p in children(body, TEXTNS, 'p'):
            print('TOCENTRY\t' + attr(p, TEXTNS, 'style-name') + '\t' + esc(teletype.extractText(p)))
    else:
        print('OTHER\t' + e.qname[1])

for d in doc.styles.childNodes:
    if d.qname == (STYLENS, 'default-style') and attr(d, STYLENS, 'family') == 'paragraph':
        t = child(d, STYLENS, 'text-properties')
        print('\t'.join(['FONT', attr(t, STYLENS, 'font-name'), attr(t, STYLENS, 'font-name-asian'),
                         attr(t, STYLENS, 'language-asian'), attr(t, STYLENS, 'country-asian')]))
layouts = {}
for s in doc.automaticstyles.childNodes:
    if s.qname == (STYLENS, 'page-layout'):
        p = child(s, STYLENS, 'page-layout-properties')
        layouts[attr(s, STYLENS, 'name')] = attr(p, FONS, 'page-width') + 'x' + attr(p, FONS, 'page-height')
for m in doc.masterstyles.childNodes:
    header = child(m, STYLENS, 'header')
    footer = child(m, STYLENS, 'footer')
    print('\t'.join(['MASTER', attr(m, STYLENS, 'name'),
                     layouts.get(attr(m, STYLENS, 'page-layout-name'), '?'),
                     esc(teletype.extractText(header)) if header is not None else '-',
                     esc(teletype.extractText(footer)) if footer is not None else '-',
                     str(len(footer.getElementsByType(text.PageNumber))) if footer is not None else '0']))
)PY";

}  // namespace planscore::test
