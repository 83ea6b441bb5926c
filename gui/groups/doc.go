// Package groups is the 分组 screen: customer tiers with editable thresholds and live
// counts, the RFM segments, dormant buyers, tags and charts, and what a seller can do
// with a group (open its customers, export them, copy their phones, save them as a tag).
package groups
