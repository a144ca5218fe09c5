"""Convert a plan's land areas to hectares and its US-dollar figures to yuan.

    python examples/convert_units.py [RATE] [DOCUMENT]

RATE is yuan per US dollar (default 7.1); zoneplan never guesses an exchange
rate, so converting dollars to yuan without one is an error. DOCUMENT
defaults to the bundled 2025 plan.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import zoneplan
from zoneplan import Q_, Dimension, convert, format_quantity

HERE = Path(__file__).resolve().parent
CENT = Decimal("0.01")


def hectares(q: object) -> str:
    """``q`` in hectares, to two decimals, written the way a document would."""
    ha = convert(q, "hectare")
    return format_quantity(Q_(ha.magnitude.quantize(CENT), "hectare"))


def main(argv: list[str]) -> int:
    rate = Decimal(argv[0]) if argv else Decimal("7.1")
    path = Path(argv[1]) if len(argv) > 1 else HERE / "plan_2025.txt"
    plan = zoneplan.parse(path)
    print(plan.title)

    print("\nland and floor space, in hectares:")
    for ind in plan.indicators:
        if ind.dimension is Dimension.AREA and ind.value is not None:
            print(f"  {ind.name}: {ind.text} = {hectares(ind.quantity)}")

    print(f"\nUS dollars in yuan at {rate} yuan per dollar:")
    for ind in plan.indicators:
        if ind.dimension is Dimension.CURRENCY_USD and ind.value is not None:
            yuan = convert(ind.quantity, "yuan", rate=rate)
            print(f"  {ind.name}: {ind.text} = {format_quantity(yuan)}")

    # without a rate the conversion is refused, with a readable error
    try:
        convert(zoneplan.quantity("1881.68万美元"), "yuan")
    except zoneplan.ConversionError as exc:
        print(f"\nwithout a rate: {exc}")

    # quantities need not come from a document
    print(f"2.65万亩 = {hectares(zoneplan.quantity('2.65万亩'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
