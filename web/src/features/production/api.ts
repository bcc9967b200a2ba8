// Orders and lots calls (docs/orders-and-lots.md): lists, one order, the supervisor's
// order steps, quality's signed lot release and rejection, and serial numbers with
// quality's actions on one serial.
import { request, seg } from '../../shared/http';
import type { SignatureInput } from '../signatures/types';
import type { Lot, Order, OrderAction, OrderDetail, SerialDetail, SerialHoldAction, SerialUnit } from './types';

export const productionApi = {
  orders: (q: { state?: string; limit?: number } = {}) => request<{ orders: Order[] }>('/orders', { query: q }),
  order: (id: string) => request<OrderDetail>(`/orders/${seg(id)}`),
  step: (id: string, action: OrderAction, reason: string) =>
    request<{ order: Order }>(`/orders/${seg(id)}/${action}`, { method: 'POST', body: reason ? { reason } : {} }),
  lots: (q: { status?: string; material?: string } = {}) => request<{ lots: Lot[] }>('/lots', { query: q }),
  release: (lot: string, signature: SignatureInput) =>
    request<{ lot: Lot }>(`/lots/${seg(lot)}/release`, { method: 'POST', body: { signature } }),
  reject: (lot: string, reason: string, signature: SignatureInput) =>
    request<{ lot: Lot }>(`/lots/${seg(lot)}/reject`, { method: 'POST', body: { reason, signature } }),
  serials: (q: { state?: string; order?: string; limit?: number } = {}) => request<{ serials: SerialUnit[] }>('/serials', { query: q }),
  serial: (serial: string) => request<{ serial: SerialDetail }>(`/serials/${seg(serial)}`),
  holdSerial: (serial: string, action: SerialHoldAction, reason: string) =>
    request<{ serial: SerialDetail }>(`/serials/${seg(serial)}/${action}`, { method: 'POST', body: { reason } }),
  releaseSerial: (serial: string, signature: SignatureInput) =>
    request<{ serial: SerialDetail }>(`/serials/${seg(serial)}/release`, { method: 'POST', body: { signature } }),
  rejectSerial: (serial: string, reason: string, signature: SignatureInput) =>
    request<{ serial: SerialDetail }>(`/serials/${seg(serial)}/reject`, { method: 'POST', body: { reason, signature } }),
};
