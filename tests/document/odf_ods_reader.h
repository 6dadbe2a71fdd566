#pragma once
// A reader for .ods files, in Python over python3-odf, printing one tab-separated fact per
// line: sheets, column widths, every cell with its value type, value, text, spans and
// number style, covered cells, and the frozen rows recorded in settings.xml.
#include "odf_test_support.h"

namespace planscore::test {

inline const std::string kOdsReader = std::string(kReaderPrelude) + R"PY(
from odf import table

data_styles = {}
for s in list(doc.automaticstyles.childNodes) + list(doc.styles.childNodes):
    if s.qname[0] == NUMBERNS:
        n = child(s, NUMBERNS, 'number')
        data_styles[attr(s, STYLENS, 'name')] = '%s:%s:%s' % (
            s.qname[1], get(n, NUMBERNS, 'decimal-places'), get(n, NUMBERNS, 'grouping'))

for t in doc.spreadsheet.getElementsByType(table.Table):
    columns = children(t, TABLENS, 'table-column')
    print('\t'.join(['SHEET', attr(t, TABLENS, 'name'), str(len(columns))]))
    for c in columns:
        print('COLUMN\t' + get(props(attr(c, TABLENS, 'style-name'), 'table-column-properties'),
                               STYLENS, 'column-width'))
    for r, row in enumerate(children(t, TABLENS, 'table-row')):
        slots = 0
        for c in row.childNodes:
            if c.qname == (TABLENS, 'covered-table-cell'):
                print('COVERED\t%d\t%d' % (r, slots))
            elif c.qname == (TABLENS, 'table-cell'):
                s = automatic.get(attr(c, TABLENS, 'style-name'))
                data = data_styles.get(get(s, STYLENS, 'data-style-name'), '')
                bold = get(child(s, STYLENS, 'text-properties') if s is not None else None,
                           STYLENS, 'font-weight-asian')
                fill = get(child(s, STYLENS, 'table-cell-properties') if s is not None else None,
                           FONS, 'background-color')
                cs = attr(c, TABLENS, 'number-columns-spanned')
                rs = attr(c, TABLENS, 'number-rows-spanned')
                print('\t'.join(['CELL', str(r), str(slots), attr(c, OFFICENS, 'value-type'),
                                 attr(c, OFFICENS, 'value'), esc(teletype.extractText(c)),
                                 (cs + 'x' + rs) if cs or rs else '', data, bold, fill]))
            else:
                continue
            slots += 1
        print('ROW\t%d\t%d' % (r, slots))

with zipfile.ZipFile(path) as archive:
    settings = ET.fromstring(archive.read('settings.xml'))
C = '{urn:oasis:names:tc:opendocument:xmlns:config:1.0}'
for named in settings.iter(C + 'config-item-map-named'):
    if named.get(C + 'name') == 'Tables':
        for sheet in named.findall(C + 'config-item-map-entry'):
            items = {i.get(C + 'name'): i.text for i in sheet.findall(C + 'config-item')}
            print('\t'.join(['FREEZE', sheet.get(C + 'name'), items.get('VerticalSplitMode', ''),
                             items.get('VerticalSplitPosition', ''),
                             items.get('HorizontalSplitMode', '')]))
)PY";

}  // namespace planscore::test
