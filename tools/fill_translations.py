#!/usr/bin/env python3
"""Writes the Mongolian table (resources/translations/mn.py) into tamga_mn.ts after `update_translations`, and
the English texts (the sources themselves) into tamga_en.ts.

With --check it writes nothing and fails, naming them, when a text of tamga_mn.ts has no Mongolian translation
or when a .ts entry is unfinished: ctest runs it that way, so both languages stay complete.
"""
import pathlib
import runpy
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(__file__).resolve().parent.parent
table = runpy.run_path(str(root / "resources/translations/mn.py"))["MN"]
path = root / "resources/translations/tamga_mn.ts"
tree = ET.parse(path)
tree.getroot().set("language", "mn_MN")
missing = []
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source not in table:
        missing.append(source)
        continue
    value = table[source]
    translation.attrib.pop("type", None)
    for child in list(translation):
        translation.remove(child)
    if message.get("numerus") == "yes":
        forms = value if isinstance(value, tuple) else (value, value)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value
check = "--check" in sys.argv
en = root / "resources/translations/tamga_en.ts"
en_tree = ET.parse(en)
en_tree.getroot().set("language", "en")
unfinished = []
for name, ts in (("tamga_mn.ts", tree), ("tamga_en.ts", en_tree)):
    for message in ts.getroot().iter("message"):
        translation = message.find("translation")
        if name == "tamga_en.ts" and not check:
            # English: the source text is the translation (plural forms spelled out the English way).
            source = message.find("source").text
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = source
        if check and translation.get("type") == "unfinished":
            unfinished.append(f"{name}: {message.find('source').text}")
# Qt's own strings in Mongolian (qtbase_mn.ts, written by hand): every message has a translation that keeps the
# source's placeholders, and the contexts the desk shows are all there.
import re
qt_tree = ET.parse(root / "resources/translations/qtbase_mn.ts")
qt_contexts = set()
for context in qt_tree.getroot().iter("context"):
    qt_contexts.add(context.find("name").text)
    for message in context.iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(form.strip() for form in forms):
            unfinished.append(f"qtbase_mn.ts: {source}")
        for placeholder in set(re.findall(r"%L?\d|%n", source)):
            if not all(placeholder in form for form in forms):
                unfinished.append(f"qtbase_mn.ts: {source} (loses {placeholder})")
for needed in ("QPlatformTheme", "QWizard", "QFileDialog", "QPrintDialog", "QPrintPreviewDialog", "QMessageBox"):
    if needed not in qt_contexts:
        missing.append(f"qtbase_mn.ts has no context {needed}")
if missing or unfinished:
    print("untranslated:", *missing, *unfinished, sep="\n  ")
    sys.exit(1)
if not check:
    tree.write(path, encoding="utf-8", xml_declaration=True)
    en_tree.write(en, encoding="utf-8", xml_declaration=True)
print("tamga_mn.ts, tamga_en.ts and qtbase_mn.ts: every text translated")
