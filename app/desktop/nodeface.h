#pragma once

#include <QColor>
#include <QImage>
#include <QQuickItem>

namespace synapscale {

// The face of a node or node type — a badge (a coloured square with a glyph), a title and a
// subtitle beside it, optionally on a rounded card with a border — painted into one opaque image
// and drawn as one textured quad: the canvas's nodes (card, name and type) and the palette's
// entries (name and description). With software GL
// (llvmpipe) each glyph of a Text is two triangles with a fixed set-up cost: the ~2,000 glyphs
// of the nodes in view took ~3 ms of every pan frame; one quad a face batches with the others
// into a single draw call. The image is painted at `renderScale` (the canvas's zoom once it
// rests), so the text stays sharp at every zoom; in between it is scaled. A hidden face (a node
// outside the view) drops its texture and paints again when it is shown.
class NodeFace : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString glyph READ glyph WRITE setGlyph NOTIFY faceChanged)
    Q_PROPERTY(QColor badgeColor READ badgeColor WRITE setBadgeColor NOTIFY faceChanged)
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY faceChanged)
    Q_PROPERTY(QColor titleColor READ titleColor WRITE setTitleColor NOTIFY faceChanged)
    Q_PROPERTY(bool titleStruckOut READ titleStruckOut WRITE setTitleStruckOut NOTIFY faceChanged)
    Q_PROPERTY(QString subtitle READ subtitle WRITE setSubtitle NOTIFY faceChanged)
    Q_PROPERTY(QColor subtitleColor READ subtitleColor WRITE setSubtitleColor NOTIFY faceChanged)
    // What lies under the face (around the card's corners): the image is opaque, drawn in the
    // renderer's cheap opaque pass. A grid line under a card's corner is hidden there.
    Q_PROPERTY(QColor background READ background WRITE setBackground NOTIFY faceChanged)
    // The card filling the item (none while its colour is transparent); its border is inside it,
    // like a Rectangle's. Where a Rectangle is ~70 triangles, the card costs nothing more.
    Q_PROPERTY(QColor cardColor READ cardColor WRITE setCardColor NOTIFY faceChanged)
    Q_PROPERTY(QColor cardBorderColor READ cardBorderColor WRITE setCardBorderColor NOTIFY faceChanged)
    Q_PROPERTY(qreal cardBorderWidth READ cardBorderWidth WRITE setCardBorderWidth NOTIFY faceChanged)
    Q_PROPERTY(qreal cardRadius READ cardRadius WRITE setCardRadius NOTIFY faceChanged)
    // Where the badge and lines go, in item coordinates (the whole item when empty).
    Q_PROPERTY(QRectF contentRect READ contentRect WRITE setContentRect NOTIFY faceChanged)
    // Sizes in item units. The badge is centred vertically at the left, the two lines beside it.
    Q_PROPERTY(qreal badgeSize READ badgeSize WRITE setBadgeSize NOTIFY faceChanged)
    Q_PROPERTY(qreal badgeRadius READ badgeRadius WRITE setBadgeRadius NOTIFY faceChanged)
    Q_PROPERTY(int glyphPixelSize READ glyphPixelSize WRITE setGlyphPixelSize NOTIFY faceChanged)
    Q_PROPERTY(int titlePixelSize READ titlePixelSize WRITE setTitlePixelSize NOTIFY faceChanged)
    Q_PROPERTY(bool titleBold READ titleBold WRITE setTitleBold NOTIFY faceChanged)
    Q_PROPERTY(int subtitlePixelSize READ subtitlePixelSize WRITE setSubtitlePixelSize NOTIFY faceChanged)
    Q_PROPERTY(qreal lineSpacing READ lineSpacing WRITE setLineSpacing NOTIFY faceChanged)
    // Image pixels per item unit, before the screen's device pixel ratio.
    Q_PROPERTY(qreal renderScale READ renderScale WRITE setRenderScale NOTIFY faceChanged)
public:
    explicit NodeFace(QQuickItem *parent = nullptr);

    QString glyph() const { return m_glyph; }
    void setGlyph(const QString &glyph) { change(m_glyph, glyph); }
    QColor badgeColor() const { return m_badgeColor; }
    void setBadgeColor(const QColor &color) { change(m_badgeColor, color); }
    QString title() const { return m_title; }
    void setTitle(const QString &title) { change(m_title, title); }
    QColor titleColor() const { return m_titleColor; }
    void setTitleColor(const QColor &color) { change(m_titleColor, color); }
    bool titleStruckOut() const { return m_titleStruckOut; }
    void setTitleStruckOut(bool struckOut) { change(m_titleStruckOut, struckOut); }
    QString subtitle() const { return m_subtitle; }
    void setSubtitle(const QString &subtitle) { change(m_subtitle, subtitle); }
    QColor subtitleColor() const { return m_subtitleColor; }
    void setSubtitleColor(const QColor &color) { change(m_subtitleColor, color); }
    QColor background() const { return m_background; }
    void setBackground(const QColor &color) { change(m_background, color); }
    QColor cardColor() const { return m_cardColor; }
    void setCardColor(const QColor &color) { change(m_cardColor, color); }
    QColor cardBorderColor() const { return m_cardBorderColor; }
    void setCardBorderColor(const QColor &color) { change(m_cardBorderColor, color); }
    qreal cardBorderWidth() const { return m_cardBorderWidth; }
    void setCardBorderWidth(qreal width) { change(m_cardBorderWidth, width); }
    qreal cardRadius() const { return m_cardRadius; }
    void setCardRadius(qreal radius) { change(m_cardRadius, radius); }
    QRectF contentRect() const { return m_contentRect; }
    void setContentRect(const QRectF &rect) { change(m_contentRect, rect); }
    qreal badgeSize() const { return m_badgeSize; }
    void setBadgeSize(qreal size) { change(m_badgeSize, size); }
    qreal badgeRadius() const { return m_badgeRadius; }
    void setBadgeRadius(qreal radius) { change(m_badgeRadius, radius); }
    int glyphPixelSize() const { return m_glyphPixelSize; }
    void setGlyphPixelSize(int size) { change(m_glyphPixelSize, size); }
    int titlePixelSize() const { return m_titlePixelSize; }
    void setTitlePixelSize(int size) { change(m_titlePixelSize, size); }
    bool titleBold() const { return m_titleBold; }
    void setTitleBold(bool bold) { change(m_titleBold, bold); }
    int subtitlePixelSize() const { return m_subtitlePixelSize; }
    void setSubtitlePixelSize(int size) { change(m_subtitlePixelSize, size); }
    qreal lineSpacing() const { return m_lineSpacing; }
    void setLineSpacing(qreal spacing) { change(m_lineSpacing, spacing); }
    qreal renderScale() const { return m_renderScale; }
    void setRenderScale(qreal scale);

Q_SIGNALS:
    void faceChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &data) override;
    void updatePolish() override;
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;

private:
    template <typename T>
    void change(T &field, const T &value)
    {
        if (field == value)
            return;
        field = value;
        repaint();
        Q_EMIT faceChanged();
    }
    void repaint();
    // The face as painted for `pixelScale` image pixels per unit.
    QImage paint(qreal pixelScale) const;

    QString m_glyph;
    QColor m_badgeColor{Qt::gray};
    QString m_title;
    QColor m_titleColor{Qt::black};
    bool m_titleStruckOut = false;
    QString m_subtitle;
    QColor m_subtitleColor{Qt::darkGray};
    QColor m_background{Qt::white};
    QColor m_cardColor{Qt::transparent};
    QColor m_cardBorderColor{Qt::transparent};
    qreal m_cardBorderWidth = 0;
    qreal m_cardRadius = 0;
    QRectF m_contentRect;
    qreal m_badgeSize = 36;
    qreal m_badgeRadius = 8;
    int m_glyphPixelSize = 14;
    int m_titlePixelSize = 13;
    bool m_titleBold = true;
    int m_subtitlePixelSize = 11;
    qreal m_lineSpacing = 2;
    qreal m_renderScale = 1;

    bool m_stale = true;     // the image does not show the current properties
    QImage m_image;          // painted on the GUI thread, handed to the render thread at sync
    qreal m_imageScale = 1;  // its pixels per unit
    bool m_imageReady = false;
    bool m_dropTexture = false;
};

} // namespace synapscale
