package orders

import "shopcrm/data"

// Store is what the 未关联订单 screen asks of the archive: the orders, linking them,
// and finding the customer a nick names.
type Store interface {
	data.OrderStore
	data.BuyerFinder
}
