// Production for supervisor and quality: the order list and one order with its
// operations and steps ("#/orders", "#/orders/ID"), and the lot list with quality's
// signed release and rejection ("#/lots"), and serial numbers with quality's hold, lift
// hold, rejection and release of one serial ("#/serials", "#/serials/ID").
import type { Feature } from '../../shared/feature';
import { Lots } from './Lots';
import { Orders } from './Orders';
import { Serials } from './Serials';

export const production: Feature = {
  id: 'production',
  routes: [
    { path: 'orders', label: 'Orders', permission: 'orders.read', testId: 'nav-orders', component: Orders },
    { path: 'lots', label: 'Lots', permission: 'lots.read', testId: 'nav-lots', component: Lots },
    { path: 'serials', label: 'Serials', permission: 'lots.read', testId: 'nav-serials', component: Serials },
  ],
};
