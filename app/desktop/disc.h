#pragma once

#include <QColor>
#include <QPolygonF>
#include <QQuickItem>

class QSGTexture;

namespace synapscale {

// The look shared by Disc and DiscField: a filled circle with an optional ring. With software GL
// (llvmpipe) an antialiased rounded Rectangle costs ~20 µs a frame each — 260 ports took ~5 ms of
// every frame — while quads from one shared texture batch into a single draw call. The circle
// is painted once per look and window into a small texture.
class DiscLook : public QQuickItem {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor borderColor READ borderColor WRITE setBorderColor NOTIFY appearanceChanged)
    // In item units, like Rectangle's border.width; 0 for none.
    Q_PROPERTY(qreal borderWidth READ borderWidth WRITE setBorderWidth NOTIFY appearanceChanged)
public:
    explicit DiscLook(QQuickItem *parent = nullptr);

    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    QColor borderColor() const { return m_borderColor; }
    void setBorderColor(const QColor &color);
    qreal borderWidth() const { return m_borderWidth; }
    void setBorderWidth(qreal width);

Q_SIGNALS:
    void appearanceChanged();

protected:
    // The texture of this look for a disc `diameter` units across (render thread only).
    QSGTexture *texture(qreal diameter) const;
    void changeAppearance();
    bool m_lookDirty = true; // for paint nodes that keep their texture between updates

private:
    QColor m_color{Qt::white};
    QColor m_borderColor{Qt::transparent};
    qreal m_borderWidth = 0;
};

// One disc filling the item (a port, a status mark), as one textured quad.
class Disc : public DiscLook {
    Q_OBJECT
    QML_ELEMENT
public:
    using DiscLook::DiscLook;

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
};

// Many discs at the given centres (the edges' handles), as one geometry: a single draw call and
// four corners per disc, where 600 circles stroked and filled as paths were ~31,000 vertices.
class DiscField : public DiscLook {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QPolygonF points READ points WRITE setPoints NOTIFY pointsChanged)
    Q_PROPERTY(int count READ count NOTIFY pointsChanged)
    Q_PROPERTY(qreal radius READ radius WRITE setRadius NOTIFY radiusChanged)
public:
    using DiscLook::DiscLook;

    QPolygonF points() const { return m_points; }
    void setPoints(const QPolygonF &points);
    int count() const { return int(m_points.size()); }
    qreal radius() const { return m_radius; }
    void setRadius(qreal radius);

Q_SIGNALS:
    void pointsChanged();
    void radiusChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;

private:
    QPolygonF m_points;
    qreal m_radius = 6;
    bool m_geometryDirty = true;
};

} // namespace synapscale
