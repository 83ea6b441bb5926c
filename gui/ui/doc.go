// Package ui holds the helpers that several areas of the window share: the one way
// to show an error, confirmations, dates as the seller reads them, the birthday entry,
// save-as and list loading. Nothing here calls the store; a helper that writes a file
// takes the small interface it needs.
package ui
