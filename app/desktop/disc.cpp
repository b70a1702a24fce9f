#include "disc.h"

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QPainter>
#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGTexture>
#include <QSGTextureMaterial>

namespace synapscale {

namespace {

// Texels across the circle: about twice its usual 14 px (smooth up to 230 % zoom), mipmapped
// for smaller zooms.
constexpr int kTextureSize = 32;

// One texture per window and look. Paint nodes are updated on the window's render thread (one
// per window with the threaded render loop), hence the lock; a window's textures go when its
// scene graph does.
class DiscTextures {
public:
    QSGTexture *get(QQuickWindow *window, const QColor &fill, const QColor &ring, int ringTexels)
    {
        const QString key = fill.name(QColor::HexArgb) + ring.name(QColor::HexArgb) + QString::number(ringTexels);
        QMutexLocker lock(&m_mutex);
        auto windowIt = m_textures.find(window);
        if (windowIt == m_textures.end()) {
            windowIt = m_textures.insert(window, {});
            QObject::connect(window, &QQuickWindow::sceneGraphInvalidated, window, [this, window] { release(window); },
                             Qt::DirectConnection);
            QObject::connect(window, &QObject::destroyed, [this, window] { forget(window); });
        }
        QSGTexture *&texture = (*windowIt)[key];
        if (!texture)
            texture = window->createTextureFromImage(paint(fill, ring, ringTexels), QQuickWindow::TextureHasAlphaChannel);
        return texture;
    }

private:
    static QImage paint(const QColor &fill, const QColor &ring, int ringTexels)
    {
        QImage image(kTextureSize, kTextureSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        const QRectF outer(0.5, 0.5, kTextureSize - 1, kTextureSize - 1);
        if (ringTexels > 0) {
            painter.setBrush(ring);
            painter.drawEllipse(outer);
        }
        painter.setBrush(fill);
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        painter.drawEllipse(outer.adjusted(ringTexels, ringTexels, -ringTexels, -ringTexels));
        return image;
    }
    void release(QQuickWindow *window)
    {
        QMutexLocker lock(&m_mutex);
        auto &textures = m_textures[window]; // kept: its connections stay for the next scene graph
        qDeleteAll(textures);
        textures.clear();
    }
    void forget(QQuickWindow *window)
    {
        QMutexLocker lock(&m_mutex);
        m_textures.remove(window); // the scene graph (and its textures) went first
    }

    QMutex m_mutex;
    QHash<QQuickWindow *, QHash<QString, QSGTexture *>> m_textures;
};

DiscTextures &textures()
{
    static DiscTextures instance;
    return instance;
}

} // namespace

DiscLook::DiscLook(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
}

void DiscLook::changeAppearance()
{
    m_lookDirty = true;
    update();
    Q_EMIT appearanceChanged();
}

void DiscLook::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    changeAppearance();
}

void DiscLook::setBorderColor(const QColor &color)
{
    if (color == m_borderColor)
        return;
    m_borderColor = color;
    changeAppearance();
}

void DiscLook::setBorderWidth(qreal width)
{
    if (qFuzzyCompare(width, m_borderWidth))
        return;
    m_borderWidth = width;
    changeAppearance();
}

QSGTexture *DiscLook::texture(qreal diameter) const
{
    const bool ring = m_borderWidth > 0 && m_borderColor.alpha() > 0 && diameter > 0;
    const int ringTexels = ring ? std::max(1, qRound(m_borderWidth * kTextureSize / diameter)) : 0;
    return textures().get(window(), m_color, m_borderColor, ringTexels);
}

void Disc::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        update(); // the quad fills the item, and the ring's share of the texture follows its size
}

QSGNode *Disc::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    if (width() <= 0 || height() <= 0) {
        delete old;
        return nullptr;
    }
    auto *node = static_cast<QSGImageNode *>(old);
    if (!node) {
        node = window()->createImageNode();
        node->setOwnsTexture(false);
        node->setFiltering(QSGTexture::Linear);
        node->setMipmapFiltering(QSGTexture::Linear); // smooth when zoomed out
    }
    QSGTexture *disc = texture(width());
    node->setTexture(disc);
    node->setRect(boundingRect());
    node->setSourceRect(QRectF(QPointF(0, 0), disc->textureSize()));
    return node;
}

void DiscField::setPoints(const QPolygonF &points)
{
    if (points == m_points)
        return;
    m_points = points;
    m_geometryDirty = true;
    update();
    Q_EMIT pointsChanged();
}

void DiscField::setRadius(qreal radius)
{
    if (qFuzzyCompare(radius, m_radius))
        return;
    m_radius = radius;
    m_geometryDirty = true;
    changeAppearance(); // the ring's share of the texture depends on the size
    Q_EMIT radiusChanged();
}

QSGNode *DiscField::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    if (m_points.isEmpty() || m_radius <= 0) {
        delete old;
        m_geometryDirty = m_lookDirty = true;
        return nullptr;
    }
    auto *node = static_cast<QSGGeometryNode *>(old);
    if (!node) {
        node = new QSGGeometryNode;
        node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
        node->setGeometry(new QSGGeometry(QSGGeometry::defaultAttributes_TexturedPoint2D(), 0));
        node->geometry()->setDrawingMode(QSGGeometry::DrawTriangles);
        auto *material = new QSGTextureMaterial;
        material->setFiltering(QSGTexture::Linear);
        material->setMipmapFiltering(QSGTexture::Linear);
        node->setMaterial(material);
        m_geometryDirty = m_lookDirty = true;
    }
    auto *material = static_cast<QSGTextureMaterial *>(node->material());
    if (m_lookDirty) {
        material->setTexture(texture(2 * m_radius));
        node->markDirty(QSGNode::DirtyMaterial);
        m_lookDirty = false;
    }
    if (m_geometryDirty) {
        // Two triangles per disc, no index buffer: any number of discs fits.
        QSGGeometry *geometry = node->geometry();
        geometry->allocate(int(m_points.size()) * 6);
        const QRectF uv = material->texture()->normalizedTextureSubRect();
        QSGGeometry::TexturedPoint2D *v = geometry->vertexDataAsTexturedPoint2D();
        for (const QPointF &p : std::as_const(m_points)) {
            const float l = float(p.x() - m_radius), t = float(p.y() - m_radius);
            const float r = float(p.x() + m_radius), b = float(p.y() + m_radius);
            const float u0 = float(uv.left()), v0 = float(uv.top()), u1 = float(uv.right()), v1 = float(uv.bottom());
            (v++)->set(l, t, u0, v0);
            (v++)->set(r, t, u1, v0);
            (v++)->set(l, b, u0, v1);
            (v++)->set(r, t, u1, v0);
            (v++)->set(r, b, u1, v1);
            (v++)->set(l, b, u0, v1);
        }
        node->markDirty(QSGNode::DirtyGeometry);
        m_geometryDirty = false;
    }
    return node;
}

} // namespace synapscale
