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

constexpr qreal kTextGap = 8; // between the badge and the lines
constexpr qreal kLegiblePixels = 3;

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
            m_image = QImage(); // nor keep an image painted but not yet shown
            m_imageReady = false;
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

    if (m_cardColor.alpha() > 0) {
        // At least one image pixel wide, so a border does not fade out when zoomed out.
        const qreal border = m_cardBorderColor.alpha() > 0 && m_cardBorderWidth > 0 ? std::max(m_cardBorderWidth, 1 / pixelScale) : 0;
        const qreal half = border / 2;
        painter.setPen(border > 0 ? QPen(m_cardBorderColor, border) : QPen(Qt::NoPen));
        painter.setBrush(m_cardColor);
        painter.drawRoundedRect(QRectF(half, half, width() - border, height() - border), std::max(0.0, m_cardRadius - half), std::max(0.0, m_cardRadius - half));
    }

    const QRectF content = m_contentRect.isEmpty() ? boundingRect() : m_contentRect;
    const QRectF badge(content.x(), content.y() + (content.height() - m_badgeSize) / 2, m_badgeSize, m_badgeSize);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_badgeColor);
    painter.drawRoundedRect(badge, m_badgeRadius, m_badgeRadius);
    QFont font = QGuiApplication::font();
    font.setBold(true);
    font.setPixelSize(m_glyphPixelSize);
    painter.setFont(font);
    painter.setPen(Qt::white);
    if (m_glyphPixelSize * pixelScale >= kLegiblePixels)
        painter.drawText(badge, Qt::AlignCenter, m_glyph);

    const qreal textX = badge.right() + kTextGap;
    const qreal textWidth = content.right() - textX;
    // Text a few pixels high is unreadable: left out (a 500-node workflow fitted to the view is
    // at ~15 %, where its names would be 2 px), which also halves the time to paint it.
    if (textWidth <= 0 || m_subtitlePixelSize * pixelScale < kLegiblePixels)
        return image;
    QFont titleFont = QGuiApplication::font();
    titleFont.setPixelSize(m_titlePixelSize);
    titleFont.setBold(m_titleBold);
    titleFont.setStrikeOut(m_titleStruckOut);
    QFont subtitleFont = QGuiApplication::font();
    subtitleFont.setPixelSize(m_subtitlePixelSize);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF subtitleMetrics(subtitleFont);
    const qreal top = content.y() + (content.height() - titleMetrics.height() - m_lineSpacing - subtitleMetrics.height()) / 2;
    painter.setFont(titleFont);
    painter.setPen(m_titleColor);
    painter.drawText(QPointF(textX, top + titleMetrics.ascent()), titleMetrics.elidedText(m_title, Qt::ElideRight, textWidth));
    painter.setFont(subtitleFont);
    painter.setPen(m_subtitleColor);
    painter.drawText(QPointF(textX, top + titleMetrics.height() + m_lineSpacing + subtitleMetrics.ascent()),
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
