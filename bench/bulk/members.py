"""Writes ROWS members spread over TEAMS teams (SC-BENCH-001 ...) as CSV or XLSX (bench/bulk-import.sh).

Valid GB 11643 ID numbers, each once. The XLSX is one sheet of inline strings, written row by row.
usage: members.py ROWS TEAMS csv|xlsx PATH
"""
import csv
import sys
import zipfile
from xml.sax.saxutils import escape

rows, teams, fmt, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
HEADER = ["队伍编码 / teamCode", "姓名 / name", "职务 / role", "人才类型 / talentType", "身份证号 / idNumber",
          "手机号码 / phone", "入队日期 / joinedOn", "培训学时 / trainingHours"]


def id_number(n):
    # birth dates repeat every 420 numbers (lcm of 30 years, 12 months, 28 days); the sequence digits tell them apart
    body = "510115%04d%02d%02d%03d" % (1970 + n % 30, 1 + n % 12, 1 + n % 28, n // 420 % 1000)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def members():
    seen = set()
    n = 0
    while len(seen) < rows:
        number = id_number(n)
        n += 1
        if number in seen:
            continue
        seen.add(number)
        k = len(seen)
        yield ["SC-BENCH-%03d" % (1 + k % teams), "队员%05d" % k, "RESCUER", "SKILLED_CRAFT", number,
               "138%08d" % k, "2018-07-01", "40"]


def xml_row(r, values):
    return '<row r="%d">%s</row>' % (r, "".join(
        '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (chr(65 + i), r, escape(v)) for i, v in enumerate(values)))


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
OOXML = "application/vnd.openxmlformats-officedocument.spreadsheetml"

if fmt == "csv":
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for row in members():
            writer.writerow(row)
else:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   f'<Override PartName="/xl/workbook.xml" ContentType="{OOXML}.sheet.main+xml"/>'
                   f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OOXML}.worksheet+xml"/>'
                   f'<Override PartName="/xl/styles.xml" ContentType="{OOXML}.styles+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
                   '<sheets><sheet name="members" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
                   f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
        z.writestr("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
                   '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
                   '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>')
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
            sheet.write(xml_row(1, HEADER).encode())
            for r, row in enumerate(members(), start=2):
                sheet.write(xml_row(r, row).encode())
            sheet.write(b'</sheetData></worksheet>')
