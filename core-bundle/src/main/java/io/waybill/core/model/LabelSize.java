package io.waybill.core.model;

/** Page sizes for generated carrier labels ("face sheets"). */
public enum LabelSize {
    /** 100 x 100 mm thermal label. */
    MM100X100,
    /** 100 x 150 mm (4 x 6 in) thermal label, the most common. */
    MM100X150,
    /** A4 sheet, one label per page, for office printers. */
    A4
}
