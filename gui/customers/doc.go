// Package customers is the 客户 screen: the searchable, sortable, paged customer list,
// the selected customer's detail with trades and follow-ups, the customer and trade
// dialogs, tagging several customers at once, a buyer's data rights, and the list's
// export. It asks the archive only for its Store; the shell (package gui) wires its
// callbacks.
package customers
