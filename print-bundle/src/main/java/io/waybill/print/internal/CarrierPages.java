package io.waybill.print.internal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the pages of carrier-supplied PDF labels into a merged label document: each carrier page becomes a form
 * XObject (vector content kept, fonts and images carried along) drawn on a page of the configured label size,
 * scaled to fit with its aspect ratio kept and centred, turned by 90 degrees when that makes it larger (a landscape
 * carrier label on a portrait roll). The carrier documents stay open until the merged document is saved.
 */
final class CarrierPages implements Closeable {

    private final PDDocument target;
    private final LayerUtility layers;
    private final List<PDDocument> sources = new ArrayList<>();

    CarrierPages(PDDocument target) {
        this.target = target;
        this.layers = new LayerUtility(target);
    }

    /**
     * Appends every page of the carrier's PDF as a page of size {@code page}. Returns the number of pages added;
     * throws when the PDF cannot be read or has no page, and then adds nothing.
     */
    int append(byte[] carrierPdf, PDRectangle page) throws IOException {
        PDDocument source = Loader.loadPDF(carrierPdf);
        sources.add(source);
        int count = source.getNumberOfPages();
        if (count == 0) {
            throw new IOException("the carrier's PDF has no page");
        }
        List<PDFormXObject> forms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            forms.add(layers.importPageAsForm(source, i));
        }
        for (PDFormXObject form : forms) {
            PDPage out = new PDPage(page);
            target.addPage(out);
            try (PDPageContentStream content = new PDPageContentStream(target, out)) {
                content.saveGraphicsState();
                content.transform(fit(bounds(form), page));
                content.drawForm(form);
                content.restoreGraphicsState();
            }
        }
        return count;
    }

    /** Where the form draws: its box mapped through its own matrix (which carries the page's /Rotate). */
    static PDRectangle bounds(PDFormXObject form) {
        PDRectangle b = form.getBBox();
        Matrix m = form.getMatrix();
        float[][] corners = {{b.getLowerLeftX(), b.getLowerLeftY()}, {b.getUpperRightX(), b.getLowerLeftY()},
                {b.getLowerLeftX(), b.getUpperRightY()}, {b.getUpperRightX(), b.getUpperRightY()}};
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (float[] p : corners) {
            java.awt.geom.Point2D.Float q = m.transformPoint(p[0], p[1]);
            minX = Math.min(minX, q.x);
            minY = Math.min(minY, q.y);
            maxX = Math.max(maxX, q.x);
            maxY = Math.max(maxY, q.y);
        }
        return new PDRectangle(minX, minY, maxX - minX, maxY - minY);
    }

    /** The transform that maps the form's box into the page: scaled to fit, centred, rotated when larger. */
    static Matrix fit(PDRectangle box, PDRectangle page) {
        float w = box.getWidth();
        float h = box.getHeight();
        float upright = Math.min(page.getWidth() / w, page.getHeight() / h);
        float turned = Math.min(page.getWidth() / h, page.getHeight() / w);
        if (turned > upright * 1.05f) {
            // 90 degrees counter-clockwise: X = -s * (y - lly) + dx, Y = s * (x - llx) + dy
            float s = turned;
            float dx = (page.getWidth() - h * s) / 2 + h * s;
            float dy = (page.getHeight() - w * s) / 2;
            return new Matrix(0, s, -s, 0, dx + s * box.getLowerLeftY(), dy - s * box.getLowerLeftX());
        }
        float s = upright;
        float dx = (page.getWidth() - w * s) / 2 - box.getLowerLeftX() * s;
        float dy = (page.getHeight() - h * s) / 2 - box.getLowerLeftY() * s;
        return new Matrix(s, 0, 0, s, dx, dy);
    }

    @Override
    public void close() {
        for (PDDocument source : sources) {
            try {
                source.close();
            } catch (IOException ignored) {
                // read-only in-memory documents: nothing to lose
            }
        }
    }
}
