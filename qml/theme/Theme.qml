pragma Singleton
import QtQuick
import SynapScale

// Colours and sizes of the app, for the light and the dark theme.
QtObject {
    readonly property bool dark: AppSettings.dark
    readonly property color background: dark ? "#15171c" : "#f5f6f8"
    readonly property color surface: dark ? "#1e2128" : "#ffffff"
    readonly property color sidebar: dark ? "#101216" : "#1f2430"
    readonly property color sidebarText: "#e8eaef"
    readonly property color sidebarActive: dark ? "#2b3040" : "#343b4d"
    readonly property color text: dark ? "#e8eaef" : "#1b1e24"
    readonly property color mutedText: dark ? "#9aa1ad" : "#5d6472"
    readonly property color border: dark ? "#2c3039" : "#e1e4ea"
    readonly property color accent: "#ff6d3a"
    readonly property color success: dark ? "#3ecf8e" : "#178a55"
    readonly property color danger: dark ? "#ff6b6b" : "#c62828"
    readonly property color warning: dark ? "#f2c14e" : "#a86b00"
    readonly property int radius: 8
    readonly property int spacing: 16
    readonly property int sidebarWidth: 220
    // A node category's badge colour (the canvas's nodes and the palette's entries).
    readonly property var categoryColors: ({"Triggers": "#e8590c", "Flow": "#1c7ed6", "Data": "#2f9e44",
                                            "AI": "#9c36b5", "Code": "#495057", "Network": "#0c8599"})
    function categoryColor(category) {
        return categoryColors[category] || "#868e96"
    }
}
