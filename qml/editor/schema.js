.pragma library

// The keys of an object schema in the order the node's descriptor gives ("x-order": JSON
// objects sort their keys), then any the order does not name.
function keysOf(objectSchema) {
    const props = objectSchema && objectSchema.properties ? objectSchema.properties : {}
    const order = Array.isArray(objectSchema && objectSchema["x-order"]) ? objectSchema["x-order"].filter(k => k in props) : []
    return order.concat(Object.keys(props).filter(k => order.indexOf(k) < 0))
}
