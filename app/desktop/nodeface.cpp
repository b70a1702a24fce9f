#include "nodeface.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QQuickWindow>
#include <QSGSimpleTextureNode>
#include <QSGTexture>
#include <QtMath>

#include <memory>

namespace synapscale {

namespace {

// The node's layout in item units, as its QML had it: a badge as tall as the face, then the
// name in bold over the type.
constexpr qreal kBadgeRadius = 8;
constexpr int kGlyphPixels = 14;
constexpr qreal kTextGap = 8;
constexpr int kTitlePixels = 13;
constexpr int kSubtitlePixels = 11;
constexpr qreal kLineSpacing = 2;

// Holds the texture it shows: a new image replaces (and frees) the previous one.
class FaceNode : public QSGSimpleTextureNode {
public:
    void show(QSGTexture *texture)
    {
        setTexture(texture);
        m_texture.reset(texture);
    }

private:
    std::unique_ptr<QSGTexture> m_texture;
};

} // namespace

NodeFace::NodeFace(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
}

void NodeFace::setRenderScale(qreal scale)
{
    if (scale <= 0)
        return;
    change(m_renderScale, scale);
}

void NodeFace::repaint()
{
    m_stale = true;
    if (isVisible())
        polish();
}

void NodeFace::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        repaint();
}

void NodeFace::itemChange(ItemChange change, const ItemChangeData &data)
{
    QQuickItem::itemChange(change, data);
    switch (change) {
    case ItemVisibleHasChanged:
        if (data.boolValue) {
            m_dropTexture = false; // the scene graph may not have seen the item while hidden
            repaint();
        } else {
            // Out of view: free the texture (500 nodes' faces at a high zoom would be hundreds
            // of megabytes) and paint again when shown.
            m_stale = true;
            m_dropTexture = true;
            update();
        }
        break;
    case ItemSceneChange:
    case ItemDevicePixelRatioHasChanged:
        repaint();
        break;
    default:
        break;
    }
}

QImage NodeFace::paint(qreal pixelScale) const
{
    const QSize size(qCeil(width() * pixelScale), qCeil(height() * pixelScale));
    if (size.isEmpty())
        return {};
    const bool opaque = m_background.alpha() == 255;
    QImage image(size, opaque ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    image.fill(m_background);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.scale(pixelScale, pixelScale);

    const QRectF badge(0, 0, height(), height());
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_badgeColor);
    painter.drawRoundedRect(badge, kBadgeRadius, kBadgeRadius);
    QFont font = QGuiApplication::font();
    font.setBold(true);
    font.setPixelSize(kGlyphPixels);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, m_glyph);

    const qreal textX = badge.width() + kTextGap;
    const qreal textWidth = width() - textX;
    if (textWidth <= 0)
        return image;
    font.setPixelSize(kTitlePixels);
    font.setStrikeOut(m_titleStruckOut);
    const QFontMetricsF titleMetrics(font);
    painter.setFont(font);
    painter.setPen(m_titleColor);
    painter.drawText(QPointF(textX, titleMetrics.ascent()), titleMetrics.elidedText(m_title, Qt::ElideRight, textWidth));
    font.setBold(false);
    font.setStrikeOut(false);
    font.setPixelSize(kSubtitlePixels);
    const QFontMetricsF subtitleMetrics(font);
    painter.setFont(font);
    painter.setPen(m_subtitleColor);
    painter.drawText(QPointF(textX, titleMetrics.height() + kLineSpacing + subtitleMetrics.ascent()),
                     subtitleMetrics.elidedText(m_subtitle, Qt::ElideRight, textWidth));
    return image;
}

// Painted on the GUI thread before the scene graph syncs, so the render thread only uploads.
void NodeFace::updatePolish()
{
    if (!m_stale || !isVisible() || !window())
        return;
    m_imageScale = m_renderScale * window()->effectiveDevicePixelRatio();
    m_image = paint(m_imageScale);
    m_stale = false;
    m_imageReady = true;
    update();
}

QSGNode *NodeFace::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *node = static_cast<FaceNode *>(old);
    if (m_dropTexture) {
        m_dropTexture = false;
        delete node;
        return nullptr;
    }
    if (m_imageReady) {
        m_imageReady = false;
        if (m_image.isNull()) {
            delete node;
            return nullptr;
        }
        if (!node) {
            node = new FaceNode;
            node->setOwnsTexture(false);
            node->setFiltering(QSGTexture::Linear);
        }
        // In the window's shared atlas: the faces in view batch into one draw call.
        node->show(window()->createTextureFromImage(m_image, QQuickWindow::TextureCanUseAtlas));
        node->setSourceRect(QRectF(0, 0, width() * m_imageScale, height() * m_imageScale));
        m_image = QImage();
    }
    if (node)
        node->setRect(boundingRect());
    return node;
}

} // namespace synapscale
