// Package orders is the 未关联订单 screen: the orders that came from a platform export
// without a buyer (today's Taobao / Tmall, Pinduoduo, Douyin … exports), how many
// there are and what they are worth, and linking each to its customer by hand or
// unlinking it again. It declares the small Store it uses (store.go).
package orders
