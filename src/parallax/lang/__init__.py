"""Words of each supported language that several stages need: the calendar.

Cleaning (site chrome, datelines) and extraction (dates, quantities, names, quotes)
all need to know month and weekday names, and cleaning comes before ``nlp/`` in
the data flow, so these words live here, in a leaf package that imports nothing
from the pipeline. One module per language (:mod:`.pt`, :mod:`.en`, :mod:`.es`),
each with the same names:

* ``MONTHS`` — full month names, as printed in lower case, to the month number;
* ``MONTH_ABBREVIATIONS`` — the short forms datelines and tables print ("mar", "sept");
* ``WEEKDAYS`` — weekday names to their number, Monday = 0;
* ``WEEKDAY_ABBREVIATIONS`` — the short forms of weekdays in timestamps ("seg", "tue");
* ``CALENDAR_UNITS`` — the words for day, week, month and year, to the unit key
  ``Quantity.unit`` uses ("dias" -> "day").

Each stage keeps its own selection and form (folded, tuple, set) of these words.
"""

from __future__ import annotations

#: The languages Parallax analyses (ISO 639-1), in order of preference on ties.
SUPPORTED: tuple[str, ...] = ("pt", "en", "es")
